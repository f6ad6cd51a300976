/**
 * Training-data folders: finding image/mask pairs in the common layouts ({@link org.unet4j.io.dataset.DatasetLayout}:
 * {@code images/}+{@code masks/}, Cell Tracking Challenge, ISBI 2012 stacks), interpreting mask values
 * ({@link org.unet4j.io.dataset.MaskMode}) and loading a pair ({@link org.unet4j.io.dataset.SampleLoader}), with
 * {@link org.unet4j.io.dataset.DatasetException} messages that name the files concerned.
 *
 * <p>Allowed dependencies: {@code org.unet4j.io}, {@code org.unet4j.core}, the JDK.
 */
package org.unet4j.io.dataset;
