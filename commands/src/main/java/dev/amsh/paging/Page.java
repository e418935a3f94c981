package dev.amsh.paging;

import java.util.List;

/** One page of a list and the continuation of the next one (null: this was the last). */
public record Page<T>(List<T> items, String next) {
}
