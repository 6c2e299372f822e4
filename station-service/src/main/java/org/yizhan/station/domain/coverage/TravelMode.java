package org.yizhan.station.domain.coverage;

/** How a worker reaches a station, with the speed that turns minutes into a straight-line radius. */
public enum TravelMode {

    /** Walking, 4.5 km/h: 15 minutes = 1,125 m. */
    WALK(4.5),

    /** Riding an e-bike (the delivery riders' vehicle), 15 km/h: 15 minutes = 3,750 m. */
    RIDE(15.0);

    private final double kmPerHour;

    TravelMode(double kmPerHour) {
        this.kmPerHour = kmPerHour;
    }

    public double kmPerHour() {
        return kmPerHour;
    }

    /** The straight-line distance covered in {@code minutes}, in metres. */
    public double radiusMetres(int minutes) {
        return kmPerHour * 1000.0 * minutes / 60.0;
    }
}
