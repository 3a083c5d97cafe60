package dev.portcullis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void randomBase62HasTheLengthAskedAndOnlyBase62Characters() {
        for (int length : new int[] {1, 16, 20, 32, 200}) {
            String random = Ids.randomBase62(length);
            assertEquals(length, random.length());
            assertTrue(random.chars().allMatch(c -> Ids.BASE62.indexOf(c) >= 0), random);
        }
    }

    @Test
    void everyBase62CharacterIsEquallyLikely() {
        int perCharacter = 20_000;
        int[] counts = new int[128];
        for (int drawn = 0; drawn < 62 * perCharacter; drawn += 32) {
            Ids.randomBase62(32).chars().forEach(c -> counts[c]++);
        }
        // A byte taken modulo 62 without skipping would make '0'–'7' 25 % likelier; one count's spread is ~0.7 %.
        for (char c : Ids.BASE62.toCharArray()) {
            assertTrue(Math.abs(counts[c] - perCharacter) < perCharacter / 20, c + " drawn " + counts[c] + " times");
        }
    }
}
