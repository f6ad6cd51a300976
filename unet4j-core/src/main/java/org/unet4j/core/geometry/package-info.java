/**
 * Size arithmetic: {@link org.unet4j.core.geometry.UNetGeometry} for valid tile sizes and margins,
 * {@link org.unet4j.core.geometry.Interval2d} rectangles in {@code (y0, x0, height, width)} order and
 * {@link org.unet4j.core.geometry.Intervals} for integer interval arithmetic. Depends on nothing but
 * {@code org.unet4j.core.model.Padding}.
 */
package org.unet4j.core.geometry;
