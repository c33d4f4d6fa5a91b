package app.limber.android.assessment

import androidx.compose.foundation.layout.Arrangement
import androidx.compose.foundation.layout.Column
import androidx.compose.foundation.layout.Row
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.selection.selectable
import androidx.compose.foundation.selection.toggleable
import androidx.compose.foundation.text.KeyboardOptions
import androidx.compose.material3.Checkbox
import androidx.compose.material3.FilterChip
import androidx.compose.material3.OutlinedTextField
import androidx.compose.material3.RadioButton
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Alignment
import androidx.compose.ui.Modifier
import androidx.compose.ui.semantics.Role
import androidx.compose.ui.text.input.KeyboardType
import androidx.compose.ui.unit.dp
import app.limber.android.ui.NumberSlider
import app.limber.core.Choice
import app.limber.core.QuestionKind
import app.limber.core.ResponseValue

/**
 * The input for one question, by its kind. Options and units come from the core; [value] is
 * the draft answer, null while unanswered.
 */
@Composable
fun QuestionInput(kind: QuestionKind, value: ResponseValue?, onChange: (ResponseValue?) -> Unit) {
    when (kind) {
        is QuestionKind.YesNo -> Row(horizontalArrangement = Arrangement.spacedBy(8.dp)) {
            val yes = (value as? ResponseValue.YesNo)?.value
            FilterChip(selected = yes == true, onClick = { onChange(ResponseValue.YesNo(true)) }, label = { Text("Yes") })
            FilterChip(selected = yes == false, onClick = { onChange(ResponseValue.YesNo(false)) }, label = { Text("No") })
        }
        is QuestionKind.OneChoice -> Column {
            val chosen = (value as? ResponseValue.Choice)?.id
            kind.options.forEach { option ->
                OptionRow(option, chosen == option.id, radio = true) { onChange(ResponseValue.Choice(option.id)) }
            }
        }
        is QuestionKind.SeveralChoices -> Column {
            // Nothing ticked is an answer too ("none of these"): see Wizard.draftFor.
            val ticked = (value as? ResponseValue.Choices)?.ids.orEmpty()
            kind.options.forEach { option ->
                OptionRow(option, option.id in ticked, radio = false) {
                    val ids = if (option.id in ticked) ticked - option.id else ticked + option.id
                    onChange(ResponseValue.Choices(kind.options.map { it.id }.filter { it in ids }))
                }
            }
        }
        is QuestionKind.WholeNumber -> {
            val number = (value as? ResponseValue.Number)?.value
            if (kind.isShortScale) {
                NumberSlider(kind.unit, number, kind.min..kind.max, { onChange(ResponseValue.Number(it)) })
            } else {
                NumberField("${kind.min}-${kind.max} ${kind.unit}".trim(), number) { onChange(it?.let(ResponseValue::Number)) }
            }
        }
        is QuestionKind.PerLeg -> Column(verticalArrangement = Arrangement.spacedBy(8.dp)) {
            val legs = value as? ResponseValue.PerLeg
            val range = "${kind.min}-${kind.max} ${kind.unit}".trim()
            NumberField("Left leg, $range", legs?.left) { onChange(perLeg(it, legs?.right)) }
            NumberField("Right leg, $range", legs?.right) { onChange(perLeg(legs?.left, it)) }
        }
    }
}

private fun perLeg(left: Int?, right: Int?): ResponseValue? =
    if (left == null && right == null) null else ResponseValue.PerLeg(left, right)

@Composable
private fun OptionRow(option: Choice, selected: Boolean, radio: Boolean, onClick: () -> Unit) {
    val role = if (radio) Role.RadioButton else Role.Checkbox
    val clickable = if (radio) {
        Modifier.selectable(selected, role = role, onClick = onClick)
    } else {
        Modifier.toggleable(selected, role = role, onValueChange = { onClick() })
    }
    Row(clickable.fillMaxWidth(), verticalAlignment = Alignment.CenterVertically) {
        if (radio) RadioButton(selected, onClick = null) else Checkbox(selected, onCheckedChange = null)
        Text(option.label)
    }
}

/** A whole-number field; the core checks the range and names it if the number is outside. */
@Composable
private fun NumberField(label: String, value: Int?, onChange: (Int?) -> Unit) {
    OutlinedTextField(
        value = value?.toString() ?: "",
        onValueChange = { text -> onChange(text.filter(Char::isDigit).take(4).toIntOrNull()) },
        label = { Text(label) },
        singleLine = true,
        keyboardOptions = KeyboardOptions(keyboardType = KeyboardType.Number),
        modifier = Modifier.fillMaxWidth(),
    )
}
