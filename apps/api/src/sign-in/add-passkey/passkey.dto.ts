import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject } from 'class-validator';

export class PasskeyRelyingPartyDto {
  @ApiProperty({ example: 'rights-ledger' })
  name!: string;

  @ApiPropertyOptional({ example: 'localhost', description: 'The host name of PUBLIC_ORIGIN.' })
  id?: string;
}

export class PasskeyUserDto {
  @ApiProperty({ example: 'aWQtb2YtdGhlLXVzZXI', description: 'base64url' })
  id!: string;

  @ApiProperty({ example: 'aigerim' })
  name!: string;

  @ApiProperty({ example: 'aigerim' })
  displayName!: string;
}

export class PasskeyAlgorithmDto {
  @ApiProperty({ example: -7, description: 'A COSE algorithm identifier.' })
  alg!: number;

  @ApiProperty({ example: 'public-key' })
  type!: string;
}

export class PasskeyCredentialDto {
  @ApiProperty({ example: 'o3mm3VbWnW1xB2Ih5rGh2A', description: 'base64url' })
  id!: string;

  @ApiProperty({ example: 'public-key' })
  type!: string;

  @ApiPropertyOptional({ type: [String], example: ['internal', 'hybrid'] })
  transports?: string[];
}

export class PasskeyAuthenticatorSelectionDto {
  @ApiPropertyOptional({ example: 'platform' })
  authenticatorAttachment?: string;

  @ApiPropertyOptional({ example: 'discouraged' })
  residentKey?: string;

  @ApiPropertyOptional({ example: false })
  requireResidentKey?: boolean;

  @ApiPropertyOptional({ example: 'preferred' })
  userVerification?: string;
}

/**
 * WebAuthn options as the browser's `navigator.credentials.create` takes them in JSON form
 * (PublicKeyCredentialCreationOptionsJSON).
 */
export class PasskeyOptionsResponseDto {
  @ApiProperty({ type: PasskeyRelyingPartyDto })
  rp!: PasskeyRelyingPartyDto;

  @ApiProperty({ type: PasskeyUserDto })
  user!: PasskeyUserDto;

  @ApiProperty({ example: 'Zm9yLXRoZS1icm93c2Vy', description: 'base64url, one use, 5 minutes' })
  challenge!: string;

  @ApiProperty({ type: [PasskeyAlgorithmDto] })
  pubKeyCredParams!: PasskeyAlgorithmDto[];

  @ApiPropertyOptional({ example: 60000, description: 'Milliseconds.' })
  timeout?: number;

  @ApiPropertyOptional({
    type: [PasskeyCredentialDto],
    description: 'The passkeys already kept: the browser will not add one twice.',
  })
  excludeCredentials?: PasskeyCredentialDto[];

  @ApiPropertyOptional({ type: PasskeyAuthenticatorSelectionDto })
  authenticatorSelection?: PasskeyAuthenticatorSelectionDto;

  @ApiPropertyOptional({ type: [String], example: [] })
  hints?: string[];

  @ApiPropertyOptional({ example: 'none' })
  attestation?: string;

  @ApiPropertyOptional({ type: [String], example: [] })
  attestationFormats?: string[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { credProps: true } })
  extensions?: object;
}

export class AddPasskeyRequestDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "The browser's answer to the options of POST /auth/passkeys/options (a RegistrationResponseJSON).",
  })
  @IsObject()
  response!: Record<string, unknown>;
}

export class PasskeyAddedResponseDto {
  @ApiProperty({ example: 'o3mm3VbWnW1xB2Ih5rGh2A', description: 'The credential id (base64url).' })
  credentialId!: string;
}
