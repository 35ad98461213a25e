package dev.vigil.tsdb;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Where a head's series keep the bytes of their open chunks: slots of a few dozen sizes, each size
 * carved out of pages of 64 KiB.
 *
 * <p>An open chunk grows as samples arrive. In an array of its own, every buffer it outgrows would
 * be garbage, and as series live long, the collector would find those buffers only by collecting
 * the old generation whole: in the first half hour of 200k series, while every one grows its first
 * chunk, well over 100 MB of them. Here an outgrown slot goes back to its page's free list for the
 * next chunk of that size, and a page whose slots are all free goes back to a pool for any size.
 * Sizes are about 19 % apart (a factor of 2^(1/4)), so a chunk's slack is about a tenth of it rather
 * than the quarter of an array grown by half.
 *
 * <p>Series grow at different paces, so the pages of a size most chunks are leaving would stay
 * partly used until the last one leaves (at 200k series, a third of the pages held). A page whose
 * slots have all been handed out and of which fewer than three quarters are in use is therefore
 * evacuated: it takes no more chunks, and each chunk in it moves to another page of its size at its
 * next append ({@link #isEvacuating}, read from the page's first byte without the arena's lock; a
 * late read only delays a move by one append).
 *
 * <p>Readers never see a slot: a series copies its open chunk out under its own lock ({@link
 * MemSeries#snapshot}), and moves or releases its slot only under that lock, so a released slot is
 * never read through it again. Thread-safe; the arena's lock is taken only when a chunk changes
 * slots.
 */
final class ChunkArena {
  static final int PAGE_BYTES = 1 << 16;
  /**
   * Bytes before a page's first slot: the first says whether the page is being evacuated, the four
   * from {@link #NUMBER_AT} are the page's index in {@link #byNumber}.
   */
  static final int HEADER = 8;
  private static final int NUMBER_AT = 4;
  private static final byte EVACUATING = 1;
  /** Slot sizes: 32 bytes times 2^(k/4), rounded up to 8, up to about an eighth of a page. */
  private static final int[] SLOT_SIZES = slotSizes(32, PAGE_BYTES / 8);
  /** The size class of a request of up to {@code 8 * i} bytes, at index {@code i}. */
  private static final byte[] CLASS_BY_EIGHTHS = classByEighths();
  /**
   * Free pages kept for reuse beyond what is in use: at least this many, or one per four in use. While
   * a head's chunks grow, the pages of small slots empty as those of larger ones are needed; a page
   * let go then is garbage in the old generation, and a new one is allocated in its place (at 200k
   * series, one per 32 kept made 7 MB more resident memory at 10 minutes than one per eight, and
   * about 3 MB more than one per four).
   */
  private static final int MIN_SPARE_PAGES = 4;
  private static final int PAGES_PER_SPARE = 4;

  /** Per slot size, the pages with a free slot, most recently freed first. */
  private final Page[] withRoom = new Page[SLOT_SIZES.length];
  /** Pages held, by the number in their header; null where a number is free. */
  private Page[] byNumber = new Page[16];
  private final ArrayDeque<Integer> freeNumbers = new ArrayDeque<>();
  private int pageCount;
  private final ArrayDeque<byte[]> spare = new ArrayDeque<>();
  private long usedBytes;
  private long pageBytes;

  /** {@code capacity} bytes of {@code page} from {@code start}, for one open chunk. */
  record Slot(byte[] page, int start, int capacity) {}

  /** One page: slots of one size, handed out from a free list or else from the unused end. */
  private static final class Page {
    final byte[] bytes;
    final int sizeClass;
    final int slotSize;
    int used;
    /** Start of the first free slot, whose first four bytes hold the start of the next; -1 when none. */
    int freeHead = -1;
    /** Start of the part of the page never handed out. */
    int unused;
    Page previous;
    Page next;
    boolean listed;

    Page(byte[] bytes, int sizeClass, int slotSize) {
      this.bytes = bytes;
      this.sizeClass = sizeClass;
      this.slotSize = slotSize;
      this.unused = HEADER;
    }

    boolean hasRoom() {
      return freeHead >= 0 || !allHandedOut();
    }

    boolean allHandedOut() {
      return unused + slotSize > bytes.length;
    }

    /** Whether fewer than three quarters of the page's slots are in use, all having been handed out. */
    boolean sparse() {
      return sizeClass >= 0 && allHandedOut() && 4 * used < 3 * ((bytes.length - HEADER) / slotSize);
    }
  }

  /**
   * A slot of at least {@code minCapacity} bytes. Past the largest size (more than any chunk a head
   * cuts holds) the slot is a page of its own.
   */
  synchronized Slot allocate(int minCapacity) {
    if (minCapacity <= 0) {
      throw new IllegalArgumentException("a slot needs a positive size, got " + minCapacity);
    }
    int sizeClass = sizeClass(minCapacity);
    if (sizeClass < 0) {
      Page own = newPage(new byte[HEADER + roundUp8(minCapacity)], -1, roundUp8(minCapacity));
      own.unused = own.bytes.length;
      own.used = 1;
      usedBytes += own.slotSize;
      return new Slot(own.bytes, HEADER, own.slotSize);
    }
    Page page = withRoom[sizeClass];
    if (page == null) {
      byte[] bytes = spare.isEmpty() ? new byte[PAGE_BYTES] : spare.pop();
      page = newPage(bytes, sizeClass, SLOT_SIZES[sizeClass]);
      link(page);
    }
    int start;
    if (page.freeHead >= 0) {
      start = page.freeHead;
      page.freeHead = readInt(page.bytes, start);
    } else {
      start = page.unused;
      page.unused += page.slotSize;
    }
    page.used++;
    usedBytes += page.slotSize;
    if (!page.hasRoom()) {
      unlink(page);
    }
    return new Slot(page.bytes, start, page.slotSize);
  }

  /** The size a slot of at least {@code minCapacity} bytes has. */
  static int capacityFor(int minCapacity) {
    int sizeClass = sizeClass(minCapacity);
    return sizeClass < 0 ? roundUp8(minCapacity) : SLOT_SIZES[sizeClass];
  }

  /** Gives back the slot starting at {@code start} of {@code page}; it must not be used again. */
  synchronized void release(byte[] page, int start) {
    Page p = pageOf(page);
    if (p == null || start < HEADER || start + p.slotSize > p.unused || (start - HEADER) % p.slotSize != 0) {
      throw new IllegalArgumentException("no slot of this arena starts at " + start + " of that page");
    }
    p.used--;
    usedBytes -= p.slotSize;
    if (p.used == 0) {
      retire(p);
      return;
    }
    writeInt(p.bytes, start, p.freeHead);
    p.freeHead = start;
    if (isEvacuating(p.bytes)) {
      return;
    }
    if (p.sparse()) {
      p.bytes[0] = EVACUATING;
      if (p.listed) {
        unlink(p);
      }
    } else if (!p.listed) {
      link(p);
    }
  }

  /** Whether the chunk in a slot of {@code page} should move to another slot of its size. */
  static boolean isEvacuating(byte[] page) {
    return page[0] == EVACUATING;
  }

  /** Bytes of the slots in use. */
  synchronized long usedBytes() {
    return usedBytes;
  }

  /** Bytes of the pages held, in use or kept for reuse. */
  synchronized long reservedBytes() {
    return pageBytes + (long) spare.size() * PAGE_BYTES;
  }

  private Page newPage(byte[] bytes, int sizeClass, int slotSize) {
    Page page = new Page(bytes, sizeClass, slotSize);
    int number;
    if (freeNumbers.isEmpty()) {
      number = pageCount;
      if (number == byNumber.length) {
        byNumber = Arrays.copyOf(byNumber, number * 2);
      }
    } else {
      number = freeNumbers.pop();
    }
    byNumber[number] = page;
    writeInt(bytes, NUMBER_AT, number);
    pageCount++;
    pageBytes += bytes.length;
    return page;
  }

  private void retire(Page page) {
    if (page.listed) {
      unlink(page);
    }
    int number = readInt(page.bytes, NUMBER_AT);
    byNumber[number] = null;
    freeNumbers.push(number);
    pageCount--;
    pageBytes -= page.bytes.length;
    page.bytes[0] = 0;
    if (page.sizeClass >= 0 && spare.size() < Math.max(MIN_SPARE_PAGES, pageCount / PAGES_PER_SPARE)) {
      spare.push(page.bytes);
    }
  }

  private void link(Page page) {
    Page head = withRoom[page.sizeClass];
    page.next = head;
    page.previous = null;
    if (head != null) {
      head.previous = page;
    }
    withRoom[page.sizeClass] = page;
    page.listed = true;
  }

  private void unlink(Page page) {
    if (page.previous != null) {
      page.previous.next = page.next;
    } else {
      withRoom[page.sizeClass] = page.next;
    }
    if (page.next != null) {
      page.next.previous = page.previous;
    }
    page.previous = null;
    page.next = null;
    page.listed = false;
  }

  /** The page {@code bytes} is, or null when it is none of this arena's. */
  private Page pageOf(byte[] bytes) {
    if (bytes.length < HEADER) {
      return null;
    }
    int number = readInt(bytes, NUMBER_AT);
    if (number < 0 || number >= byNumber.length || byNumber[number] == null || byNumber[number].bytes != bytes) {
      return null;
    }
    return byNumber[number];
  }

  private static int sizeClass(int minCapacity) {
    int eighths = (minCapacity + 7) >>> 3;
    return eighths < CLASS_BY_EIGHTHS.length ? CLASS_BY_EIGHTHS[eighths] : -1;
  }

  private static byte[] classByEighths() {
    byte[] classes = new byte[SLOT_SIZES[SLOT_SIZES.length - 1] / 8 + 1];
    int sizeClass = 0;
    for (int eighths = 0; eighths < classes.length; eighths++) {
      while (SLOT_SIZES[sizeClass] < 8 * eighths) {
        sizeClass++;
      }
      classes[eighths] = (byte) sizeClass;
    }
    return classes;
  }

  private static int[] slotSizes(int smallest, int largest) {
    int count = 0;
    while (size(smallest, count) <= largest) {
      count++;
    }
    int[] sizes = new int[count];
    for (int i = 0; i < count; i++) {
      sizes[i] = size(smallest, i);
    }
    return sizes;
  }

  private static int size(int smallest, int step) {
    return roundUp8((int) Math.ceil(smallest * Math.pow(2, step / 4.0) - 1e-9));
  }

  private static int roundUp8(int n) {
    return (n + 7) & ~7;
  }

  private static int readInt(byte[] b, int at) {
    return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
  }

  private static void writeInt(byte[] b, int at, int value) {
    b[at] = (byte) (value >>> 24);
    b[at + 1] = (byte) (value >>> 16);
    b[at + 2] = (byte) (value >>> 8);
    b[at + 3] = (byte) value;
  }
}
