package dev.amsh.ams;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazily paged list: pages of at most {@code pageSize} are fetched with $skip/$top as iteration
 * reaches them, until a short page (the v2 service has no next link) or the overall limit.
 */
public final class PagedList<T> implements Iterable<T> {
    private final BiFunction<Integer, Integer, List<T>> fetchPage; // (skip, top) -> page
    private final int pageSize;
    private final Integer limit;

    public PagedList(BiFunction<Integer, Integer, List<T>> fetchPage, int pageSize, Integer limit) {
        this.fetchPage = fetchPage;
        this.pageSize = pageSize;
        this.limit = limit;
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private List<T> page = List.of();
            private int index;
            private int skip;
            private int returned;
            private boolean last;

            @Override
            public boolean hasNext() {
                if (limit != null && returned >= limit) {
                    return false;
                }
                if (index < page.size()) {
                    return true;
                }
                if (last) {
                    return false;
                }
                int top = limit == null ? pageSize : Math.min(pageSize, limit - returned);
                page = fetchPage.apply(skip, top);
                index = 0;
                skip += page.size();
                last = page.size() < top;
                return !page.isEmpty();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                returned++;
                return page.get(index++);
            }
        };
    }

    public Stream<T> stream() {
        return StreamSupport.stream(spliterator(), false);
    }

    public List<T> toList() {
        List<T> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }
}
