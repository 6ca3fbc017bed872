/**
 * Android resource chunks: the shared chunk header ({@link dev.phonehome.apk.resources.ResChunk}),
 * string pools, typed values, and the resources.arsc table
 * ({@link dev.phonehome.apk.resources.ResourceTable}) with values in every configuration.
 * Every read goes through {@code ByteCursor}; bad units become coded {@code arsc.*} problems.
 */
package dev.phonehome.apk.resources;
