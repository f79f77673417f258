/** Internals of `dev.portico.testing`: not exported, not API. */
@NullMarked
package dev.portico.testing.internal;

import org.jspecify.annotations.NullMarked;
