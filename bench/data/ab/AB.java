import java.net.*;
import java.nio.file.*;
import java.util.*;
import java.util.function.Supplier;
/** Baseline and branch in one JVM (two class loaders), calls alternating, so machine noise hits both alike. */
public class AB {
  public static void main(String[] a) throws Exception {
    Map<String, Supplier<Object>> base = load(a[0]), next = load(a[1]);
    int reps = Integer.parseInt(a[2]);
    for (String c : base.keySet()) {
      Supplier<Object> b = base.get(c), n = next.get(c);
      long end = System.nanoTime() + 3_000_000_000L;
      while (System.nanoTime() < end) { b.get(); n.get(); }
      double[] tb = new double[reps], tn = new double[reps];
      for (int i = 0; i < reps; i++) {
        long t0 = System.nanoTime(); b.get(); long t1 = System.nanoTime(); n.get(); long t2 = System.nanoTime();
        tb[i] = (t1 - t0) / 1e6; tn[i] = (t2 - t1) / 1e6;
      }
      Arrays.sort(tb); Arrays.sort(tn);
      System.out.printf(Locale.ROOT, "%-20s before median %.2f (p10 %.2f)  after median %.2f (p10 %.2f)  after/before %.2f%n", c, tb[reps/2], tb[reps/10], tn[reps/2], tn[reps/10], tn[reps/2] / tb[reps/2]);
    }
  }
  @SuppressWarnings("unchecked")
  static Map<String, Supplier<Object>> load(String cp) throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String p : cp.split(":")) urls.add(Path.of(p).toUri().toURL());
    ClassLoader l = new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    return (Map<String, Supplier<Object>>) l.loadClass("Cases").getMethod("make").invoke(null);
  }
}
