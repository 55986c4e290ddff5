package id.peduli.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer result: the rows, the zero-based page number, the page size and the total count. When {@code
 * totalExact} is false, counting stopped at {@code total}: at least that many rows exist, and only that many can be
 * paged through.
 *
 * <p>Paging is bounded: a page holds 1 to {@value #MAX_SIZE} rows ({@link #clampSize}), and only the first {@value
 * #MAX_OFFSET} rows of a result can be paged through ({@link #clampPage}): a larger page number is clamped to the last
 * page that starts within them, so no request makes the database skip millions of rows and no offset overflows.
 * Someone who needs rows further down narrows the search or exports it.
 */
public record PageResult<T>(List<T> items, int page, int size, long total, boolean totalExact) {

    public PageResult {
        items = List.copyOf(items);
    }

    public PageResult(List<T> items, int page, int size, long total) {
        this(items, page, size, total, true);
    }

    /** How many pages can be shown: all of the total, but no further than the first {@value #MAX_OFFSET} rows. */
    public int pages() {
        if (size == 0) {
            return 0;
        }
        long all = (total + size - 1) / size;
        return (int) Math.min(all, lastPage(size) + 1L);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }

    public <R> PageResult<R> map(Function<T, R> mapper) {
        return new PageResult<>(items.stream().map(mapper).toList(), page, size, total, totalExact);
    }

    /** Most rows on one page. */
    public static final int MAX_SIZE = 200;

    /** Rows of a result that can be paged through; a page must start before this offset. */
    public static final int MAX_OFFSET = 10_000;

    public static int clampSize(int size) {
        return Math.max(1, Math.min(size, MAX_SIZE));
    }

    /** The page number to serve for {@code page}: at least 0, at most the last page starting within the bound. */
    public static int clampPage(int page, int size) {
        return Math.max(0, Math.min(page, lastPage(clampSize(size))));
    }

    /** The first row of the (clamped) page, for SQL {@code offset}: never more than {@value #MAX_OFFSET} - 1. */
    public static long offset(int page, int size) {
        return (long) clampPage(page, size) * clampSize(size);
    }

    private static int lastPage(int size) {
        return (MAX_OFFSET - 1) / Math.max(1, size);
    }
}
