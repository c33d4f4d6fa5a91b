import LimberCore
import SwiftUI

/// A new pain entry: overall level, where it hurts (side and level per site), when, and a note.
struct PainEntryForm: View {
    let services: AppServices
    @State private var level = 0.0
    @State private var sites: [BodySite: SiteDraft] = [:]
    @State private var context: PainContext = .other
    @State private var note = ""
    @State private var error: String? = nil
    @State private var saving = false
    @Environment(\.dismiss) private var dismiss

    init(services: AppServices) {
        self.services = services
    }

    struct SiteDraft {
        var side: Side?
        var level: Double
    }

    var body: some View {
        NavigationStack {
            Form {
                SwiftUI.Section {
                    PainSlider("Pain now", value: $level)
                }
                SwiftUI.Section("Where") {
                    ForEach(BodySite.all, id: \.self) { site in
                        SiteRow(title: site.title, draft: binding(for: site), overall: level)
                    }
                }
                SwiftUI.Section("When") {
                    Picker("Context", selection: $context) {
                        ForEach(PainContext.all, id: \.self) { Text($0.title).tag($0) }
                    }
                }
                SwiftUI.Section {
                    TextField("Note (optional)", text: $note, axis: .vertical)
                } footer: {
                    if let error {
                        Text(error).foregroundStyle(.red)
                    }
                }
            }
            .navigationTitle("Log pain")
            .navigationBarTitleDisplayMode(.inline)
            .toolbar {
                ToolbarItem(placement: .cancellationAction) {
                    Button("Cancel") { dismiss() }
                }
                ToolbarItem(placement: .confirmationAction) {
                    Button("Save") { Task { await save() } }
                        .disabled(saving)
                }
            }
        }
    }

    /// Nil while the site is not ticked.
    private func binding(for site: BodySite) -> Binding<SiteDraft?> {
        Binding(get: { sites[site] }, set: { sites[site] = $0 })
    }

    private func save() async {
        saving = true
        defer { saving = false }
        let now = Date()
        let input = PainInput(
            recordedAt: now,
            utcOffsetMinutes: Int32(TimeZone.current.secondsFromGMT(for: now) / 60),
            level: Int32(level),
            sites: BodySite.all.compactMap { site in
                sites[site].map { SitePain(site: site, side: $0.side, level: Int32($0.level)) }
            },
            context: context,
            note: note.isEmpty ? nil : note
        )
        do {
            let entry = try await services.core.addPain(input: input)
            await services.health.write(entry)
            services.dataDidChange()
            dismiss()
        } catch {
            self.error = describe(error)
        }
    }
}

/// A body site: ticked or not, and when ticked its side and its own level (starting at the
/// overall level, the usual case).
private struct SiteRow: View {
    let title: String
    @Binding var draft: PainEntryForm.SiteDraft?
    let overall: Double

    var body: some View {
        Toggle(title, isOn: Binding(
            get: { draft != nil },
            set: { draft = $0 ? PainEntryForm.SiteDraft(side: nil, level: overall) : nil }
        ))
        if let current = draft {
            Picker("Side", selection: Binding(get: { current.side }, set: { draft?.side = $0 })) {
                Text("Not one side").tag(Side?.none)
                ForEach([Side.left, .right, .both], id: \.self) { side in
                    Text(side.title).tag(Side?.some(side))
                }
            }
            .pickerStyle(.segmented)
            PainSlider("Level here", value: Binding(get: { current.level }, set: { draft?.level = $0 }))
        }
    }
}
