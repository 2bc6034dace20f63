// cli.md § policy token decode TOKEN, § policy token verify TOKEN and § policy token mint
import ArgumentParser

/// `policy token`: decode, verify and mint JWTs.
struct Token: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with tokens: decode, verify, mint.",
        subcommands: [TokenDecode.self, TokenVerify.self, TokenMint.self]
    )
}
