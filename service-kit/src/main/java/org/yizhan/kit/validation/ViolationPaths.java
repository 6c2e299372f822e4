package org.yizhan.kit.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON path of a constraint violation, as clients name the field: {@code packages[0].items},
 * {@code clinics[2]} — never Hibernate Validator's {@code clinics[2].<list element>}, and without
 * the method and body parameter a resource's violations start with.
 */
public final class ViolationPaths {

    private ViolationPaths() {
    }

    public static String fieldOf(ConstraintViolation<?> violation) {
        boolean inBody = violation.getLeafBean() != null && violation.getRootBean() != violation.getLeafBean();
        List<String> parts = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.RETURN_VALUE || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                if (!inBody) {
                    parts.add(node.getName());
                }
                continue;
            }
            if (node.isInIterable() && !parts.isEmpty()) {
                Object key = node.getIndex() != null ? node.getIndex() : node.getKey();
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + (key == null ? "" : key) + "]");
            }
            if (kind != ElementKind.CONTAINER_ELEMENT && kind != ElementKind.BEAN
                    && node.getName() != null && !node.getName().isEmpty()) {
                parts.add(node.getName());
            }
        }
        return String.join(".", parts);
    }
}
