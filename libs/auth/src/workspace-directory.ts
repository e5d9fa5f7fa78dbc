import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SQL_CLIENT, SqlClient } from '@app/database';
import { Role } from './role';
import { isoTime } from './sql-time';
import { insertToken } from './token-auth.service';

export interface CreatedWorkspace {
  id: string;
  name: string;
  adminUserId: string;
  adminTokenId: string;
  /** In clear this once. */
  adminToken: string;
}

export interface CreatedUser {
  userId: string;
  tokenId: string;
  /** In clear this once. */
  token: string;
  expiresAt?: string;
}

export interface TokenSummary {
  id: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface UserSummary {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  secondFactorEnrolled: boolean;
  tokens: TokenSummary[];
}

const ISO = isoTime;

/** Workspaces (one per monitoring NGO) and their users, each with an API token. */
@Injectable()
export class WorkspaceDirectory {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  /** A workspace with its first admin user and that admin's token, in one transaction. */
  async createWorkspace(name: string): Promise<CreatedWorkspace> {
    return this.sql.transaction(async (tx) => {
      const id = randomUUID();
      const adminUserId = randomUUID();
      await tx.query('INSERT INTO workspaces (id, name) VALUES ($1, $2)', [id, name]);
      await tx.query(
        "INSERT INTO users (id, workspace_id, name, role) VALUES ($1, $2, 'admin', 'admin')",
        [adminUserId, id],
      );
      const token = await insertToken(tx, adminUserId);
      return { id, name, adminUserId, adminTokenId: token.id, adminToken: token.token };
    });
  }

  async workspaceExists(id: string): Promise<boolean> {
    const { rows } = await this.sql.query('SELECT 1 FROM workspaces WHERE id = $1', [id]);
    return rows.length > 0;
  }

  /** A user of the workspace with a first token. */
  async createUser(
    workspaceId: string,
    user: { name: string; role: Role; expiresAt?: Date },
  ): Promise<CreatedUser> {
    return this.sql.transaction(async (tx) => {
      const userId = randomUUID();
      await tx.query('INSERT INTO users (id, workspace_id, name, role) VALUES ($1, $2, $3, $4)', [
        userId,
        workspaceId,
        user.name,
        user.role,
      ]);
      const token = await insertToken(tx, userId, user.expiresAt);
      return {
        userId,
        tokenId: token.id,
        token: token.token,
        ...(user.expiresAt !== undefined && { expiresAt: user.expiresAt.toISOString() }),
      };
    });
  }

  /** The workspace's users, oldest first, with their tokens (never a hash). */
  async listUsers(workspaceId: string): Promise<UserSummary[]> {
    const { rows } = await this.sql.query<{
      id: string;
      name: string;
      role: Role;
      created_at: string;
      enrolled: boolean;
      tokens: TokenSummary[] | null;
    }>(
      `SELECT u.id, u.name, u.role, ${ISO('u.created_at')} AS created_at,
              (u.totp_enrolled_at IS NOT NULL) AS enrolled,
              (SELECT json_agg(json_build_object(
                        'id', t.id, 'createdAt', ${ISO('t.created_at')},
                        'expiresAt', ${ISO('t.expires_at')}, 'revokedAt', ${ISO('t.revoked_at')},
                        'lastUsedAt', ${ISO('t.last_used_at')})
                      ORDER BY t.created_at, t.id)
                 FROM api_tokens t WHERE t.user_id = u.id) AS tokens
         FROM users u WHERE u.workspace_id = $1
        ORDER BY u.created_at, u.id`,
      [workspaceId],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      createdAt: r.created_at,
      secondFactorEnrolled: r.enrolled,
      tokens: r.tokens ?? [],
    }));
  }
}
