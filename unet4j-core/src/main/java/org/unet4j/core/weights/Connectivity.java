package org.unet4j.core.weights;

/** Which neighbours of a pixel count as adjacent when growing connected components. */
public enum Connectivity {
  /** The 4 edge neighbours (up, down, left, right). */
  FOUR,
  /** The 8 edge and corner neighbours. */
  EIGHT
}
