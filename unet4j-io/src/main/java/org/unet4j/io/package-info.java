/**
 * Image files in and out: reading TIFF (8/16/32-bit integer, 32-bit float; grey/RGB; multipage; uncompressed, LZW,
 * Deflate, PackBits) and PNG/JPEG/GIF/BMP with their raw sample values ({@link org.unet4j.io.MicroscopyImages}),
 * writing float/label TIFF and PNG atomically ({@link org.unet4j.io.TiffImages}, {@link org.unet4j.io.PngImages}),
 * region-wise reading and tile-wise writing of large images ({@link org.unet4j.io.ImageSource},
 * {@link org.unet4j.io.ImageSink}), intensity normalisation and channel selection.
 *
 * <p>Allowed dependencies: {@code org.unet4j.core}, the JDK ({@code javax.imageio}, {@code java.awt.image}) and the
 * TwelveMonkeys ImageIO plugins (found at run time through the ImageIO service registry). No DJL.
 */
package org.unet4j.io;
