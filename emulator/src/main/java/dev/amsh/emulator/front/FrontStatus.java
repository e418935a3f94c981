package dev.amsh.emulator.front;

import java.util.List;

/** The front now: its URL, settings, each endpoint's health, and which origin a new viewer is sent to. */
public record FrontStatus(String url, FrontSettings settings, List<EndpointHealth> endpoints, String serving) {
}
