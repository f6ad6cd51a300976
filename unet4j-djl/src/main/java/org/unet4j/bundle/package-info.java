/**
 * The on-disk model bundle: a folder holding {@code unet.json} (format version, {@link
 * org.unet4j.core.model.UNetConfig}, geometry, parameter manifest, free metadata) and {@code unet.params} (the DJL
 * parameter payload), read and written by {@link org.unet4j.bundle.ModelBundle}.
 *
 * <p>Allowed dependencies: {@code org.unet4j.core}, {@code org.unet4j.model}, {@code ai.djl} (API only) and Jackson.
 */
package org.unet4j.bundle;
