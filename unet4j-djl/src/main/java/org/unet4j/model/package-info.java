/**
 * The U-Net network as a DJL {@link ai.djl.nn.Block}: {@link org.unet4j.model.UNetBuilder} turns a
 * {@link org.unet4j.core.model.UNetConfig} into a block tree built recursively (MONAI style) from
 * {@link org.unet4j.model.SkipConcatBlock} and {@link org.unet4j.model.UpConvBlock}.
 *
 * <p>Every block here computes its output shapes analytically, so a whole net can be initialised and its shapes
 * queried without a forward pass. Forward passes use FP32 only and avoid the DJL traps listed in the project's DJL
 * audit (no {@code mul/div/pow/maximum/minimum(Number)}, no intermediates attached to the parameter manager).
 *
 * <p>Allowed dependencies: {@code org.unet4j.core} and {@code ai.djl} (API only, never an engine package).
 */
package org.unet4j.model;
