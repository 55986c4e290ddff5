package id.peduli.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer result: the rows, the zero-based page number, the page size and the total count. When {@code
 * totalExact} is false, counting stopped at {@code total}: at least that many rows exist, and only that many can be
 * paged through.
 */
public record PageResult<T>(List<T> items, int page, int size, long total, boolean totalExact) {

    public PageResult {
        items = List.copyOf(items);
    }

    public PageResult(List<T> items, int page, int size, long total) {
        this(items, page, size, total, true);
    }

    public int pages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
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

    public static int clampSize(int size) {
        return Math.max(1, Math.min(size, 200));
    }
}
