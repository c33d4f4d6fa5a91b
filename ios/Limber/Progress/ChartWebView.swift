import SwiftUI
import WebKit

/// Shows the core's SVG chart. JavaScript is off, a content security policy forbids every load,
/// and navigation away is refused, so the view can only draw what the core wrote.
struct ChartWebView: UIViewRepresentable {
    let svg: String

    func makeCoordinator() -> Coordinator {
        Coordinator()
    }

    func makeUIView(context: Context) -> WKWebView {
        let configuration = WKWebViewConfiguration()
        configuration.defaultWebpagePreferences.allowsContentJavaScript = false
        // Nothing to keep between views: no cookies, no cache on disk.
        configuration.websiteDataStore = .nonPersistent()
        let view = WKWebView(frame: .zero, configuration: configuration)
        view.navigationDelegate = context.coordinator
        view.isOpaque = false
        view.backgroundColor = .clear
        return view
    }

    func updateUIView(_ view: WKWebView, context: Context) {
        // SwiftUI calls this on every redraw; reload only for a new chart.
        guard context.coordinator.shown != svg else { return }
        context.coordinator.shown = svg
        view.loadHTMLString(Self.page(svg), baseURL: nil)
    }

    static func page(_ svg: String) -> String {
        """
        <!doctype html>
        <html><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <style>:root { color-scheme: light dark; } body { margin: 0; } svg { width: 100%; height: auto; }</style>
        </head><body>\(svg)</body></html>
        """
    }

    final class Coordinator: NSObject, WKNavigationDelegate {
        var shown: String?

        func webView(_ webView: WKWebView, decidePolicyFor navigationAction: WKNavigationAction) async -> WKNavigationActionPolicy {
            // Only the page we load ourselves; a link in the chart goes nowhere.
            navigationAction.navigationType == .other ? .allow : .cancel
        }
    }
}
