package dev.amsh.paging;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A lazily paged list that follows continuations, as azure-core's PagedIterable does: the first page is asked
 * with a null continuation, every next one with what the page before gave (v3's {@code @odata.nextLink}; v2's
 * next {@code $skip}, {@link #offsets}). Pages are fetched as iteration reaches them.
 */
public final class Paged<T> implements Iterable<T> {
    private final Function<String, Page<T>> fetch;
    private final Integer limit;

    private Paged(Function<String, Page<T>> fetch, Integer limit) {
        this.fetch = fetch;
        this.limit = limit;
    }

    /** Pages from {@code fetch(null)}, then {@code fetch(next)} while a page names a next one; at most {@code limit}. */
    public static <T> Paged<T> continuation(Function<String, Page<T>> fetch, Integer limit) {
        return new Paged<>(fetch, limit);
    }

    /** A list already read, as one page. */
    public static <T> Paged<T> of(List<T> items) {
        return new Paged<>(token -> new Page<>(List.copyOf(items), null), null);
    }

    /**
     * v2's OData paging: {@code fetchPage(skip, top)} asked for pages of {@code pageSize} (the last one no larger than
     * what {@code limit} leaves), the continuation being the next {@code $skip}; a short page is the last.
     */
    public static <T> Paged<T> offsets(BiFunction<Integer, Integer, List<T>> fetchPage, int pageSize, Integer limit) {
        return new Paged<>(token -> {
            int skip = token == null ? 0 : Integer.parseInt(token);
            int top = limit == null ? pageSize : Math.min(pageSize, limit - skip);
            List<T> items = top <= 0 ? List.of() : fetchPage.apply(skip, top);
            return new Page<>(items, items.size() < top || items.isEmpty() ? null : String.valueOf(skip + items.size()));
        }, limit);
    }

    /** Maps every item as it is read. */
    public <R> Paged<R> map(Function<T, R> f) {
        return new Paged<>(token -> {
            Page<T> p = fetch.apply(token);
            return new Page<>(p.items().stream().map(f).toList(), p.next());
        }, limit);
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private List<T> page = List.of();
            private int index;
            private int returned;
            private String next;
            private boolean started;

            @Override
            public boolean hasNext() {
                if (limit != null && returned >= limit) {
                    return false;
                }
                while (index >= page.size()) {
                    if (started && next == null) {
                        return false;
                    }
                    Page<T> p = fetch.apply(next);
                    started = true;
                    page = p.items();
                    index = 0;
                    next = p.next();
                }
                return true;
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
