package dev.portcullis.ratelimit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Where a day quota's thresholds are: rounded up, so that "80 % reached" is never announced below 80 %. */
class QuotaCrossedTest {

    @Test
    void eightyPercentIsRoundedUpAndAHundredIsTheQuota() {
        assertEquals(8, QuotaCrossed.countAt(80, 10));
        assertEquals(9, QuotaCrossed.countAt(80, 11), "8.8 requests: the 9th reaches 80 %");
        assertEquals(8_000, QuotaCrossed.countAt(80, 10_000));
        assertEquals(10, QuotaCrossed.countAt(100, 10));
        assertEquals(1, QuotaCrossed.countAt(80, 1), "a quota of one: its only request reaches both");
        assertEquals(1, QuotaCrossed.countAt(100, 1));
    }
}
