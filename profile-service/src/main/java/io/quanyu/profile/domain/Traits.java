package io.quanyu.profile.domain;

import java.util.Map;

/** Derived traits: age group from age, region from a region, province or postal code. */
public final class Traits {

    /** US ZIP codes by first digit (MovieLens users are American); Chinese codes by their first two digits. */
    private static final String[] US_ZIP_REGIONS = {"New England", "Northeast", "Mid-Atlantic", "Southeast", "Great Lakes",
        "Upper Midwest", "Central Plains", "South Central", "Mountain", "Pacific"};

    private Traits() {
    }

    static void derive(Map<String, String> traits) {
        String age = traits.get("age");
        if (age != null) {
            try {
                PortraitLimits.putTrait(traits, "age_group", ageGroup(Integer.parseInt(age.trim())));
            } catch (NumberFormatException e) {
                // A non-numeric age is kept as said and gets no group.
            }
        }
        String region = traits.getOrDefault("region", traits.getOrDefault("province", traits.get("city")));
        if (region == null && traits.get("zip") != null) {
            region = regionOfPostalCode(traits.get("zip"));
        }
        if (region != null) {
            PortraitLimits.putTrait(traits, "region", region);
        }
    }

    static String ageGroup(int age) {
        if (age < 18) {
            return "under 18";
        }
        if (age < 25) {
            return "18-24";
        }
        if (age < 35) {
            return "25-34";
        }
        if (age < 45) {
            return "35-44";
        }
        if (age < 55) {
            return "45-54";
        }
        return age < 65 ? "55-64" : "65+";
    }

    static String regionOfPostalCode(String code) {
        String c = code.trim();
        if (c.length() == 5 && Character.isDigit(c.charAt(0))) {
            return "US " + US_ZIP_REGIONS[c.charAt(0) - '0'];
        }
        return null;
    }
}
