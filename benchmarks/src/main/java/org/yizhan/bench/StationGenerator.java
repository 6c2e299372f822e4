package org.yizhan.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Generates a national-scale station registry: stations cluster around China's cities roughly in
 * proportion to their size, with amenities, statuses and opening hours in plausible mixes. The
 * same seed gives the same stations.
 */
public final class StationGenerator {

    /** A city: centre and weight (about its urban population in millions). */
    record City(String name, double lat, double lon, double weight) {
    }

    static final List<City> CITIES = List.of(
            new City("上海", 31.23, 121.47, 24.9), new City("北京", 39.90, 116.40, 21.9),
            new City("深圳", 22.54, 114.06, 17.7), new City("重庆", 29.56, 106.55, 16.0),
            new City("广州", 23.13, 113.26, 18.8), new City("成都", 30.66, 104.07, 16.3),
            new City("天津", 39.13, 117.20, 13.7), new City("武汉", 30.59, 114.31, 13.6),
            new City("东莞", 23.02, 113.75, 10.5), new City("西安", 34.34, 108.94, 12.9),
            new City("杭州", 30.27, 120.16, 12.2), new City("佛山", 23.02, 113.12, 9.5),
            new City("南京", 32.06, 118.80, 9.4), new City("沈阳", 41.80, 123.43, 9.1),
            new City("青岛", 36.07, 120.38, 10.1), new City("郑州", 34.75, 113.63, 12.6),
            new City("长沙", 28.23, 112.94, 10.0), new City("哈尔滨", 45.80, 126.53, 10.0),
            new City("昆明", 25.04, 102.71, 8.5), new City("大连", 38.91, 121.61, 7.5),
            new City("济南", 36.65, 117.12, 9.2), new City("厦门", 24.48, 118.09, 5.2),
            new City("合肥", 31.82, 117.23, 9.4), new City("福州", 26.07, 119.30, 8.3),
            new City("南宁", 22.82, 108.32, 8.8), new City("石家庄", 38.04, 114.51, 11.2),
            new City("太原", 37.87, 112.55, 5.3), new City("贵阳", 26.65, 106.63, 6.0),
            new City("南昌", 28.68, 115.86, 6.5), new City("长春", 43.82, 125.32, 9.1),
            new City("兰州", 36.06, 103.83, 4.4), new City("乌鲁木齐", 43.83, 87.62, 4.1),
            new City("呼和浩特", 40.84, 111.75, 3.4), new City("银川", 38.49, 106.23, 2.9),
            new City("西宁", 36.62, 101.78, 2.5), new City("拉萨", 29.65, 91.14, 0.9),
            new City("海口", 20.04, 110.35, 2.9), new City("三亚", 18.25, 109.51, 1.0));

    private static final String[] HOST_TYPES = {"RESTAURANT", "SHOPPING_MALL", "SUPERMARKET", "PARK",
            "STREET_SHOP", "COMMUNITY_CENTRE", "ENTERPRISE", "PUBLIC_WORKERS_HOME", "OTHER"};

    /** Amenity codes and how often a station has each one working. */
    private static final Object[][] AMENITIES = {
            {"DRINKING_WATER", 0.95}, {"REST_AREA", 0.9}, {"PHONE_CHARGING", 0.6}, {"MICROWAVE", 0.5},
            {"TOILET", 0.7}, {"FIRST_AID_KIT", 0.8}, {"AIR_CONDITIONING", 0.75}, {"UMBRELLAS", 0.5},
            {"WIFI", 0.55}, {"FRIDGE", 0.3}, {"READING", 0.35}, {"TV", 0.2}, {"EBIKE_BATTERY_SWAP", 0.1},
            {"TRUCK_PARKING", 0.05}, {"SHOWER", 0.03}, {"AED", 0.04}};

    /** Opening-hours templates (the API's JSON form) and their shares. */
    static final String[] HOURS = {
            "{\"timeZone\":\"Asia/Shanghai\",\"weekly\":\"24/7\",\"onPublicHoliday\":\"KEEP_WEEKLY_HOURS\"}",
            "{\"timeZone\":\"Asia/Shanghai\",\"weekly\":\"Mo-Su 08:00-20:00\",\"onPublicHoliday\":\"KEEP_WEEKLY_HOURS\"}",
            "{\"timeZone\":\"Asia/Shanghai\",\"weekly\":\"Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-13:00; Su off\","
                    + "\"onPublicHoliday\":\"CLOSED\",\"makeUpWorkdayAs\":\"MONDAY\"}",
            "{\"timeZone\":\"Asia/Shanghai\",\"weekly\":\"Mo-Su 10:00-22:00\",\"onPublicHoliday\":\"KEEP_WEEKLY_HOURS\"}",
            "{\"timeZone\":\"Asia/Shanghai\",\"weekly\":\"Mo-Su 20:00-08:00\",\"onPublicHoliday\":\"KEEP_WEEKLY_HOURS\"}"};
    private static final double[] HOURS_SHARE = {0.3, 0.35, 0.15, 0.15, 0.05};

    /** One generated station. */
    public record GeneratedStation(UUID id, String name, String hostType, String address, double latitude,
                                   double longitude, String status, List<String> workingAmenities, String openingHours) {
    }

    private final Random random;
    private final double totalWeight;

    public StationGenerator(long seed) {
        this.random = new Random(seed);
        this.totalWeight = CITIES.stream().mapToDouble(City::weight).sum();
    }

    public GeneratedStation next(int n) {
        City city = pickCity();
        // Most stations within ~10 km of the centre, some in the outskirts.
        double spreadKm = random.nextDouble() < 0.8 ? 8 : 30;
        double lat = clamp(city.lat() + random.nextGaussian() * spreadKm / 111.0, 18.0, 53.5);
        double lon = clamp(city.lon() + random.nextGaussian() * spreadKm / (111.0 * Math.cos(Math.toRadians(lat))),
                73.5, 134.8);
        List<String> amenities = new ArrayList<>();
        for (Object[] a : AMENITIES) {
            if (random.nextDouble() < (double) a[1]) {
                amenities.add((String) a[0]);
            }
        }
        amenities.sort(String::compareTo);
        double s = random.nextDouble();
        String status = s < 0.95 ? "ACTIVE" : s < 0.98 ? "TEMPORARILY_CLOSED" : "CLOSED";
        return new GeneratedStation(new UUID(random.nextLong(), random.nextLong()), city.name() + "驿站" + n,
                HOST_TYPES[random.nextInt(HOST_TYPES.length)], city.name() + "市第" + n + "号", lat, lon, status,
                amenities, HOURS[pickHours()]);
    }

    /** A point where workers ask from: near a city, like the stations. */
    public double[] queryPoint() {
        City city = pickCity();
        double lat = city.lat() + random.nextGaussian() * 8 / 111.0;
        double lon = city.lon() + random.nextGaussian() * 8 / (111.0 * Math.cos(Math.toRadians(lat)));
        return new double[] {lat, lon};
    }

    private City pickCity() {
        double r = random.nextDouble() * totalWeight;
        for (City c : CITIES) {
            r -= c.weight();
            if (r <= 0) {
                return c;
            }
        }
        return CITIES.get(CITIES.size() - 1);
    }

    private int pickHours() {
        double r = random.nextDouble();
        for (int i = 0; i < HOURS_SHARE.length; i++) {
            r -= HOURS_SHARE[i];
            if (r <= 0) {
                return i;
            }
        }
        return 0;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
