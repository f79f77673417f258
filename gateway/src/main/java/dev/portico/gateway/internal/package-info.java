/** Internals of `dev.portico.gateway`: not exported, not API. */
@NullMarked
package dev.portico.gateway.internal;

import org.jspecify.annotations.NullMarked;
