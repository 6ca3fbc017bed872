package dev.phonehome.apk.dex;

/**
 * A cache of resolved table entries, allocated page by page on first use so that a DEX with
 * millions of ids costs nothing until they are looked up. Races only lose a cache entry: values
 * are immutable, so a second thread at worst resolves the same entry again.
 */
final class LazyTable<T> {
    private static final int PAGE_BITS = 10;
    private static final int PAGE_MASK = (1 << PAGE_BITS) - 1;
    private final Object[][] pages;

    LazyTable(int size) {
        pages = new Object[(size + PAGE_MASK) >>> PAGE_BITS][];
    }

    @SuppressWarnings("unchecked")
    T get(int index) {
        Object[] page = pages[index >>> PAGE_BITS];
        return page == null ? null : (T) page[index & PAGE_MASK];
    }

    T put(int index, T value) {
        Object[] page = pages[index >>> PAGE_BITS];
        if (page == null) {
            page = new Object[1 << PAGE_BITS];
            pages[index >>> PAGE_BITS] = page;
        }
        page[index & PAGE_MASK] = value;
        return value;
    }
}
