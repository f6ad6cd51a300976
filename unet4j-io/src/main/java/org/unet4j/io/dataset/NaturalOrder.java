package org.unet4j.io.dataset;

import java.util.Comparator;

/**
 * Orders names the way people number files: runs of digits compare by numeric value ({@code img2} before
 * {@code img10}, {@code t007} equal in rank to {@code t7} but ordered after it as a tie-break), other text compares
 * case-insensitively; ties are broken by plain string order so the order is total.
 */
public final class NaturalOrder implements Comparator<String> {
  /** The shared instance. */
  public static final NaturalOrder INSTANCE = new NaturalOrder();

  private NaturalOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int endA = digitsEnd(a, i);
        int endB = digitsEnd(b, j);
        int cmp = compareNumbers(a.substring(i, endA), b.substring(j, endB));
        if (cmp != 0) {
          return cmp;
        }
        i = endA;
        j = endB;
      } else {
        int cmp = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
        if (cmp != 0) {
          return cmp;
        }
        i++;
        j++;
      }
    }
    int cmp = Integer.compare(a.length() - i, b.length() - j);
    return cmp != 0 ? cmp : a.compareTo(b);
  }

  private static int digitsEnd(String s, int from) {
    int end = from;
    while (end < s.length() && Character.isDigit(s.charAt(end))) {
      end++;
    }
    return end;
  }

  /** Compares digit strings by value without overflow: strip leading zeros, then longer is larger. */
  private static int compareNumbers(String x, String y) {
    String a = stripZeros(x);
    String b = stripZeros(y);
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }

  private static String stripZeros(String s) {
    int k = 0;
    while (k < s.length() - 1 && s.charAt(k) == '0') {
      k++;
    }
    return s.substring(k);
  }
}
