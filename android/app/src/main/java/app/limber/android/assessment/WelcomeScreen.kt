package app.limber.android.assessment

import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.ui.Modifier
import app.limber.android.ui.Screen

/** First run: what Limber is and is not, and where the data stays. */
@Composable
fun WelcomeScreen(onStart: () -> Unit) {
    Screen("Welcome to Limber") {
        Text(
            "Limber helps you look after lower back pain linked to tight or weak hamstrings: a safe " +
                "self-assessment, a short daily routine dosed by how your pain responds, reminders and a pain log.",
            style = MaterialTheme.typography.bodyLarge,
        )
        Text(
            "It is self-care support, not a diagnosis. The assessment starts with safety questions and tells " +
                "you when to see a doctor instead.",
            style = MaterialTheme.typography.bodyLarge,
        )
        Text(
            "Everything stays on this phone: no account, no internet, no analytics. Your data leaves only " +
                "when you export it.",
            style = MaterialTheme.typography.bodyLarge,
        )
        Button(onClick = onStart, modifier = Modifier.fillMaxWidth()) { Text("Start the self-assessment") }
    }
}
