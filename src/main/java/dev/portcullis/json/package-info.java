/** How request and response bodies are read and written: snake_case, strict types, no unknown fields, no NUL. */
package dev.portcullis.json;
