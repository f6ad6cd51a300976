/**
 * Built-in synthetic microscopy: seeded, deterministic 2-D cell images with instance labels, the dataset of the demo
 * and of the tests, so nothing has to be downloaded.
 *
 * <p>The data path is: {@link org.unet4j.core.synthetic.SyntheticCellsSpec} (what to draw; presets in
 * {@link org.unet4j.core.synthetic.SyntheticStyle}) → cell layout (irregular star-convex cells, a share of them
 * pressed against a neighbour so that they share a boundary, each pixel owned by the cell it lies most deeply inside)
 * → the ideal specimen image (textured interiors, nuclei, bright or dark rims, halos, or DIC relief) → the
 * microscope (Gaussian point-spread function, uneven illumination, Poisson shot noise and Gaussian read noise) →
 * {@link org.unet4j.core.synthetic.SyntheticImage}. {@link org.unet4j.core.synthetic.SyntheticCells} is the entry
 * point.
 *
 * <p>Every random draw comes from {@link java.util.SplittableRandom}s split off one seed in a fixed order (layout,
 * texture, illumination, noise), so the same seed gives bit-identical images on every JVM, and changing only the
 * noise settings keeps the cells where they were.
 *
 * <p>May depend on {@code org.unet4j.core.image}, {@code org.unet4j.core.tiling.MirrorIndex} and
 * {@code org.unet4j.core.weights} (connected components, distance transform); never on DJL or AWT.
 */
package org.unet4j.core.synthetic;
