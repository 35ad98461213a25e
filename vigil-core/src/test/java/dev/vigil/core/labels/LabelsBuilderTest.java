package dev.vigil.core.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabelsBuilderTest {

  @Test
  void build_labelsAddedInAnyOrder_areSortedByName() {
    Labels ls = Labels.builder().add("c", "3").add("a", "1").add("b", "2").build();

    assertThat(ls).isEqualTo(Labels.of("a", "1", "b", "2", "c", "3"));
    assertThat(ls.name(0)).isEqualTo("a");
    assertThat(ls.name(2)).isEqualTo("c");
  }

  @Test
  void build_nameAddedTwice_throwsNamingIt() {
    LabelsBuilder b = Labels.builder().add("job", "a").add("job", "b");

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("duplicate")
        .hasMessageContaining("job");
  }

  @Test
  void build_sameNameAndValueTwice_throws() {
    LabelsBuilder b = Labels.builder().add("job", "a").add("job", "a");

    assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void build_nothingAdded_returnsEmpty() {
    assertThat(Labels.builder().build()).isSameAs(Labels.EMPTY);
  }

  @Test
  void build_moreLabelsThanInitialCapacity_keepsAll() {
    LabelsBuilder b = Labels.builder();
    for (int i = 99; i >= 0; i--) {
      b.add(String.format("l%02d", i), Integer.toString(i));
    }

    Labels ls = b.build();

    assertThat(ls.size()).isEqualTo(100);
    assertThat(ls.name(0)).isEqualTo("l00");
    assertThat(ls.get("l57")).isEqualTo("57");
  }

  @Test
  void build_laterChangesToBuilder_doNotAffectBuiltSet() {
    LabelsBuilder b = Labels.builder().add("a", "1");
    Labels first = b.build();

    b.add("b", "2").set("a", "9");

    assertThat(first).isEqualTo(Labels.of("a", "1"));
    assertThat(b.build()).isEqualTo(Labels.of("a", "9", "b", "2"));
  }

  @Test
  void add_nullName_throws() {
    assertThatThrownBy(() -> Labels.builder().add(null, "v")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void add_nullValue_throws() {
    assertThatThrownBy(() -> Labels.builder().add("n", null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void set_existingName_replacesValue() {
    Labels ls = Labels.builder().add("a", "1").add("b", "2").set("a", "3").build();

    assertThat(ls).isEqualTo(Labels.of("a", "3", "b", "2"));
  }

  @Test
  void set_newName_addsLabel() {
    assertThat(Labels.builder().set("a", "1").build()).isEqualTo(Labels.of("a", "1"));
  }

  @Test
  void set_emptyValue_removesLabel() {
    Labels ls = Labels.builder().add("a", "1").add("b", "2").set("a", "").build();

    assertThat(ls).isEqualTo(Labels.of("b", "2"));
  }

  @Test
  void remove_missingName_isNoOp() {
    LabelsBuilder b = Labels.builder().add("a", "1").remove("z");

    assertThat(b.size()).isEqualTo(1);
    assertThat(b.build()).isEqualTo(Labels.of("a", "1"));
  }

  @Test
  void remove_middleLabel_keepsOthers() {
    Labels ls = Labels.builder().add("a", "1").add("b", "2").add("c", "3").remove("b").build();

    assertThat(ls).isEqualTo(Labels.of("a", "1", "c", "3"));
  }

  @Test
  void size_countsLabels() {
    assertThat(Labels.builder().add("a", "1").add("b", "2").size()).isEqualTo(2);
  }
}
