/**
 * The description of a U-Net architecture ({@link org.unet4j.core.model.UNetConfig}) as plain data, free of any
 * deep-learning engine so that the CLI, Fiji, Spark and the bundle format can all read it. Depends only on
 * {@code org.unet4j.core.geometry}.
 */
package org.unet4j.core.model;
