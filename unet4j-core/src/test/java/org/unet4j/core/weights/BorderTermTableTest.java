package org.unet4j.core.weights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BorderTermTableTest {

  /** The per-pixel formula the table stands for, written out independently. */
  static float formula(BorderWeightMap map, int a, int b) {
    double s = Math.sqrt(a) + Math.sqrt(b);
    if (s > map.cutoffPx()) {
      return 0f;
    }
    return (float) (map.w0() * Math.exp(s * s * (-1.0 / (2.0 * map.sigmaPx() * map.sigmaPx()))));
  }

  @Test
  void everyPairOfSquaredDistancesGivesTheFormulaBitForBit() {
    for (BorderWeightMap map :
        new BorderWeightMap[] {BorderWeightMap.paperDefaults(), new BorderWeightMap(3, 1.5), new BorderWeightMap(7, 8)}) {
      int limit = (int) Math.floor(Math.pow(map.cutoffPx() - 1, 2));
      BorderTermTable table = BorderTermTable.of(map, limit);
      assertThat(table).as("%s is small enough to tabulate", map).isNotNull();
      int inside = 0;
      for (int a = 0; a <= limit; a++) {
        for (int b = a; b <= limit; b++) {
          float want = formula(map, a, b);
          assertThat(Float.floatToRawIntBits(table.term(a, b))).as("%s a=%d b=%d", map, a, b)
              .isEqualTo(Float.floatToRawIntBits(want));
          inside += want > 0 ? 1 : 0;
        }
      }
      assertThat(inside).as("pairs within the cutoff").isGreaterThan(limit / 2);
    }
  }

  @Test
  void theLastTableIsReusedAndLargeSigmaIsNotTabulated() {
    BorderWeightMap paper = BorderWeightMap.paperDefaults();
    assertThat(BorderTermTable.of(paper, 640)).isSameAs(BorderTermTable.of(paper, 640));
    assertThat(BorderTermTable.of(new BorderWeightMap(10, 5.0), 640)).isSameAs(BorderTermTable.of(paper, 640));
    assertThat(BorderTermTable.of(new BorderWeightMap(10, 20), 9000)).isNull();
  }
}
