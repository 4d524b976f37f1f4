import { Module } from '@nestjs/common';
import { IdentitiesController } from './identities.controller';

/** `GET /api/identities/unmatched`: what the identity mapping still misses. */
@Module({ controllers: [IdentitiesController] })
export class IdentityHttpModule {}
