/**
 * Size arithmetic: {@link org.unet4j.core.geometry.UNetGeometry} for valid tile sizes and margins. Depends on
 * nothing but {@code org.unet4j.core.model.Padding}.
 */
package org.unet4j.core.geometry;
