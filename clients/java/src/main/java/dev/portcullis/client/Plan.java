package dev.portcullis.client;

public record Plan(String name, Long perMinute, Long perDay) {
}
