import SwiftUI
import UIKit

/// The system share sheet for one file. (ShareLink needs the file before the button is drawn;
/// an export is made only when asked for.)
struct ShareSheet: UIViewControllerRepresentable {
    let url: URL

    func makeUIViewController(context: Context) -> UIActivityViewController {
        UIActivityViewController(activityItems: [url], applicationActivities: nil)
    }

    func updateUIViewController(_ controller: UIActivityViewController, context: Context) {}
}
