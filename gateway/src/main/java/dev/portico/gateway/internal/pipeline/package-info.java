/**
 * The gateway's pipeline, one class per step; {@link dev.portico.gateway.internal.pipeline.Pipeline} lists them in
 * AWS's order. Not exported, not API.
 */
@NullMarked
package dev.portico.gateway.internal.pipeline;

import org.jspecify.annotations.NullMarked;
