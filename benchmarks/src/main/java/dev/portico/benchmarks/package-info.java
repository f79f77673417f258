/** JMH benchmarks comparing Portico with peer libraries; see {@code docs/benchmarks.md}. */
package dev.portico.benchmarks;
