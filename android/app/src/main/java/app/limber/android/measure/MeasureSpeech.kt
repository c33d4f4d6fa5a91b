package app.limber.android.measure

import android.content.Context
import android.media.AudioManager
import android.media.ToneGenerator
import android.speech.tts.TextToSpeech
import java.util.Locale

/**
 * Says the core's prompts aloud (the person is lying down with the phone on the leg) and sounds
 * the capture tone. Speech is on the device: TextToSpeech with the system's offline engine.
 */
class MeasureSpeech(context: Context) : TextToSpeech.OnInitListener {
    private val tts = TextToSpeech(context.applicationContext, this)
    private val tone = ToneGenerator(AudioManager.STREAM_MUSIC, 80)
    private var ready = false
    private var waiting: String? = null

    override fun onInit(status: Int) {
        ready = status == TextToSpeech.SUCCESS
        if (ready) {
            tts.language = Locale.UK
            waiting?.let(::say)
            waiting = null
        }
    }

    /** Replaces whatever is being said: the newest step is the one that matters. */
    fun say(text: String) {
        if (!ready) {
            waiting = text
            return
        }
        tts.speak(text, TextToSpeech.QUEUE_FLUSH, null, "limber-measure")
    }

    /** The hold was captured. */
    fun captureTone() {
        tone.startTone(ToneGenerator.TONE_PROP_ACK, 300)
    }

    fun close() {
        tts.stop()
        tts.shutdown()
        tone.release()
    }
}
