package dev.amsh.emulator.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** The answer to a {@code $batch}: one changeset response with a part per operation, in the operations' order. */
final class BatchResponse {
    /** One answered operation: status line, content type and location (if any), body. */
    record Part(int status, String reason, String contentType, String location, String body) {
    }

    private final List<Part> parts = new ArrayList<>();
    private final String batchBoundary;
    private final String changesetBoundary;

    BatchResponse(Supplier<UUID> ids) {
        this.batchBoundary = "batchresponse_" + ids.get();
        this.changesetBoundary = "changesetresponse_" + ids.get();
    }

    void add(Part part) {
        parts.add(part);
    }

    String contentType() {
        return "multipart/mixed; boundary=" + batchBoundary;
    }

    String body() {
        StringBuilder sb = new StringBuilder("--").append(batchBoundary).append("\r\nContent-Type: multipart/mixed; boundary=")
                .append(changesetBoundary).append("\r\n\r\n");
        int id = 1;
        for (Part p : parts) {
            sb.append("--").append(changesetBoundary).append("\r\nContent-Type: application/http\r\n")
                    .append("Content-Transfer-Encoding: binary\r\n\r\nHTTP/1.1 ").append(p.status()).append(' ').append(p.reason())
                    .append("\r\nContent-ID: ").append(id++).append("\r\n");
            if (p.contentType() != null) {
                sb.append("Content-Type: ").append(p.contentType()).append("\r\n");
            }
            if (p.location() != null) {
                sb.append("Location: ").append(p.location()).append("\r\n");
            }
            sb.append("DataServiceVersion: 3.0;\r\n\r\n").append(p.body() == null ? "" : p.body()).append("\r\n");
        }
        return sb.append("--").append(changesetBoundary).append("--\r\n--").append(batchBoundary).append("--\r\n").toString();
    }
}
