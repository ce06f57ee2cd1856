import Foundation
import SocialdeckModel
import SocialdeckStorage

extension ContentAgent {
    /// Where an image model is configured and the content agent holds its
    /// `image_generation` tool: one image for the drafts' image brief, written to the image
    /// directory (or kept at the provider's address), recorded in `generated_media` and
    /// attached to each draft. Its own run is priced at the image price. A failure leaves
    /// the drafts as they are and says why.
    func illustrate(_ made: inout Drafts, organizationId: ObjectId, agent: AIAgent) throws {
        guard client.settings.imageModel != nil, agent.uses(.imageGeneration), !made.posts.isEmpty,
              let brief = made.posts.first?.aiGenerated?.imageBrief, !brief.isEmpty else { return }
        let recorder = AgentRunRecorder(store: store, clock: clock)
        var run = AgentRun()
        run.agentId = agent._id
        run.agentType = .content
        run.organizationId = organizationId
        run.task = "generate_image"
        run.provider = client.provider.name
        run.model = client.settings.imageModel
        run.startedAt = clock()
        run.input = ["brief": .string(brief), "drafts": .array(made.posts.map { .objectId($0._id) })]
        let started = Date()
        do {
            guard let image = try client.image(brief) else { return }
            var media = GeneratedMedia()
            media.organizationId = organizationId
            media.contentId = made.posts[0]._id
            media.kind = .image
            media.url = try image.url ?? write(image.data ?? Data(), id: media._id)
            media.description = brief
            media.prompt = brief
            media.width = 1024
            media.height = 1024
            media.createdAt = clock()
            try ModelCollection(store, GeneratedMedia.self).insert(media)
            try store.updateMany(Content.collection.rawValue, .isIn("_id", made.posts.map { .objectId($0._id) }),
                                 Update.set("content.images", BSONValue.array([.string(media.url)])).set("updatedAt", clock()))
            for i in made.posts.indices { made.posts[i].content.images = [media.url] }
            made.image = media
            run.status = .succeeded
            run.cost = client.settings.imagePrice
            run.output = ["mediaId": .objectId(media._id)]
        } catch {
            run.status = .failed
            run.error = SafeText.escapingControls(String(String(describing: error).prefix(2_000)))
            made.imageError = run.error
        }
        run.durationMs = Date().timeIntervalSince(started) * 1000
        run.finishedAt = clock()
        try recorder.record(run)
    }

    /// Writes a generated image as `<id>.png` in the image directory (made for its owner only).
    private func write(_ data: Data, id: ObjectId) throws -> String {
        guard !data.isEmpty else { throw CoreError.invalid("the image came without bytes") }
        let directory = client.settings.imageDirectory
            ?? StoreLocation.defaultDataDirectory(environment: ProcessInfo.processInfo.environment) + "/media"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = (directory as NSString).appendingPathComponent("\(id.hex).png")
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CoreError.invalid("the image could not be written to \(directory)")
        }
        return path
    }
}
