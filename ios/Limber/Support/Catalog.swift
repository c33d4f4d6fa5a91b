import LimberCore

/// The exercise catalog by id, for steps and names beside the plan. Built once: it is fixed
/// data in the core.
enum Catalog {
    static let exercises: [ExerciseId: Exercise] = Dictionary(
        exerciseCatalog().map { ($0.id, $0) },
        uniquingKeysWith: { first, _ in first }
    )

    static func name(of id: ExerciseId) -> String {
        exercises[id]?.name ?? ""
    }
}
