/** Internals of `dev.portico.routing`: not exported, not API. */
@NullMarked
package dev.portico.routing.internal;

import org.jspecify.annotations.NullMarked;
