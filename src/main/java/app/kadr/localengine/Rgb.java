package app.kadr.localengine;

/** A colour with channels from 0 to 1, in sRGB as it is shown; drafts need no colour science. */
record Rgb(double r, double g, double b) {

    static Rgb of(int hex) {
        return new Rgb(((hex >> 16) & 0xFF) / 255.0, ((hex >> 8) & 0xFF) / 255.0, (hex & 0xFF) / 255.0);
    }

    Rgb mix(Rgb other, double amount) {
        return new Rgb(r + (other.r - r) * amount, g + (other.g - g) * amount, b + (other.b - b) * amount);
    }

    Rgb times(Rgb filter) {
        return new Rgb(r * filter.r, g * filter.g, b * filter.b);
    }

    Rgb scaled(double kr, double kg, double kb) {
        return new Rgb(clamp(r * kr), clamp(g * kg), clamp(b * kb));
    }

    private static double clamp(double value) {
        return Math.clamp(value, 0.0, 1.0);
    }
}
