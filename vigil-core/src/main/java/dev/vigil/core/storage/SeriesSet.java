package dev.vigil.core.storage;

import java.util.List;

/** A forward-only cursor over series. Errors are thrown as {@link StorageException} from {@link #next()}. */
public interface SeriesSet {
  boolean next();

  /** The current series; valid until the next call to {@link #next()}. */
  Series at();

  /** Non-fatal problems met while selecting, reported to the user as warnings (partial responses). */
  default List<String> warnings() {
    return List.of();
  }

  /** A set over series already in hand, in list order. */
  static SeriesSet of(List<? extends Series> series) {
    java.util.Iterator<? extends Series> it = series.iterator();
    return new SeriesSet() {
      private Series current;

      @Override
      public boolean next() {
        if (!it.hasNext()) {
          return false;
        }
        current = it.next();
        return true;
      }

      @Override
      public Series at() {
        return current;
      }
    };
  }

  SeriesSet EMPTY = new SeriesSet() {
    @Override
    public boolean next() {
      return false;
    }

    @Override
    public Series at() {
      throw new IllegalStateException("empty series set");
    }
  };
}
