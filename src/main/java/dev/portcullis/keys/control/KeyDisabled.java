package dev.portcullis.keys.control;

import dev.portcullis.errors.ApiFailure;

/** A key its admin has disabled: refused until it is enabled again (unlike a revoked key, which is gone). */
public class KeyDisabled extends ApiFailure {

    public KeyDisabled() {
        super(403, "KEY_DISABLED", "This API key is disabled");
    }
}
