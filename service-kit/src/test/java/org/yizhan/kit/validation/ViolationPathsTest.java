package org.yizhan.kit.validation;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ViolationPathsTest {

    record Item(@NotBlank String name, List<@Size(max = 3) String> tags) {
    }

    record Body(@NotNull String title, List<@NotNull @Size(max = 5) String> codes, List<@Valid Item> items,
                Map<String, @Size(max = 2) String> labels) {
    }

    private final Validator validator = jakarta.validation.Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    @Test
    void pathsNameTheJsonFieldWithIndexesAndNoContainerElementNodes() {
        Body body = new Body(null, List.of("ok", "far too long"),
                List.of(new Item("fine", List.of("a")), new Item(" ", List.of("abcd"))), Map.of("k", "long"));
        Set<String> fields = validator.validate(body).stream().map(ViolationPaths::fieldOf)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("title", "codes[1]", "items[1].name", "items[1].tags[0]", "labels[k]")), fields);
    }
}
