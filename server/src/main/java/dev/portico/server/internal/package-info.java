/** Internals of `dev.portico.server`: not exported, not API. */
@NullMarked
package dev.portico.server.internal;

import org.jspecify.annotations.NullMarked;
