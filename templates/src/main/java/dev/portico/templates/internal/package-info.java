/** Reading templates: the YAML text with short tags, intrinsic functions, the stack, SAM's translation. */
@NullMarked
package dev.portico.templates.internal;

import org.jspecify.annotations.NullMarked;
